/** The one emulated installation: the same identity for the app's functions and for the UI frames' context. */
export const WORKBENCH_INSTALLATION = {
  appVersion: '1.0.0',
  environmentId: '5f0e3c52-6a5d-4a5e-9c42-0c8d4f1a7b01',
  environmentType: 'DEVELOPMENT',
  installationId: '9b3c1c7e-2f5e-4a4f-8d7e-3c2a1b0f9e11',
  cloudId: 'c1a7d0f2-8b3e-4e4a-9f6d-2b5c7e8a9d10',
} as const;
