import { invoke } from '@forge/bridge';
import type { SecretName, SettingsAnswer, SettingsSaveAnswer, SolutionsAnswer, TestConnectionAnswer } from '../../../src/shared/appSettingsContract';

/**
 * The settings page's resolver calls, with literal keys (the architecture test checks each is defined). Without
 * `metadata`, invoke answers the resolver's value itself.
 */
export const loadSettings = () => invoke('settings.get', {}) as Promise<SettingsAnswer>;

export const saveSettingsSections = (payload: Record<string, unknown>) => invoke('settings.save', payload) as Promise<SettingsSaveAnswer>;

export const clearStoredSecret = (name: SecretName) => invoke('settings.clearSecret', { name }) as Promise<SettingsSaveAnswer>;

export const runConnectionTest = (payload: Record<string, unknown>) => invoke('settings.testConnection', payload) as Promise<TestConnectionAnswer>;

export const loadSolutionsForMapping = () => invoke('settings.listSolutions', {}) as Promise<SolutionsAnswer>;
