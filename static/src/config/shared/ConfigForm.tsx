/** The frame every macro configuration panel shares (UI Kit): load failure, the form, its save error and footer. */
import { view } from '@forge/bridge';
import { Button, ButtonGroup, Form, FormFooter, FormSection, SectionMessage, Stack, Text } from '@forge/react';
import type { ReactNode } from 'react';

/** The panel's options could not be loaded: why, and a Retry button. */
export function OptionsLoadError({ title, message, onRetry }: { title: string; message: string; onRetry(): void }) {
  return (
    <SectionMessage appearance="error" title={title}>
      <Text>{message}</Text>
      <Button onClick={onRetry}>Retry</Button>
    </SectionMessage>
  );
}

export interface ConfigFormProps {
  onSubmit(): void | Promise<void>;
  /** Why the last save failed, shown under the fields. */
  saveError?: string;
  isSaveDisabled: boolean;
  /** The fields, stacked. */
  children: ReactNode;
}

/** The fields, a failed save's message, and the Cancel / Save footer (Cancel closes the panel without saving). */
export function ConfigForm({ onSubmit, saveError, isSaveDisabled, children }: ConfigFormProps) {
  return (
    <Form onSubmit={onSubmit}>
      <FormSection>
        <Stack space="space.200">
          {children}
          {saveError && (
            <SectionMessage appearance="error" title="Couldn't save">
              <Text>{saveError}</Text>
            </SectionMessage>
          )}
        </Stack>
      </FormSection>
      <ConfigFormFooter isSaveDisabled={isSaveDisabled} />
    </Form>
  );
}

export function ConfigFormFooter({ isSaveDisabled }: { isSaveDisabled: boolean }) {
  return (
    <FormFooter>
      <ButtonGroup label="Form actions">
        <Button appearance="subtle" onClick={() => void view.close()}>
          Cancel
        </Button>
        <Button appearance="primary" type="submit" isDisabled={isSaveDisabled}>
          Save
        </Button>
      </ButtonGroup>
    </FormFooter>
  );
}
