/** Fields several configuration panels share (UI Kit). */
import { CheckboxGroup, ErrorMessage, HelperMessage, Label, RequiredAsterisk, SectionMessage, Select, Stack, Text } from '@forge/react';

export interface SelectOption {
  label: string;
  value: string;
}

export interface SolutionFieldProps {
  id: string;
  solutions: ReadonlyArray<{ id: string; name: string }>;
  value: string | null;
  error?: string;
  /** Shown under the field while it has no error: what the macro does with the solution. */
  helper: string;
  onChange(solutionId: string | null): void;
}

/** The required solution picker, with a warning above it while no solution has been synced. */
export function SolutionField({ id, solutions, value, error, helper, onChange }: SolutionFieldProps) {
  const options: SelectOption[] = solutions.map((solution) => ({ label: solution.name, value: solution.id }));
  return (
    <>
      {solutions.length === 0 && (
        <SectionMessage appearance="warning" title="No solutions yet">
          <Text>No solution has been synced from the governance backend yet. Run a sync, then reopen this panel.</Text>
        </SectionMessage>
      )}
      <Stack space="space.050">
        <Label labelFor={id}>
          Solution
          <RequiredAsterisk />
        </Label>
        <Select
          inputId={id}
          name="solutionId"
          options={options}
          value={options.find((option) => option.value === value) ?? null}
          placeholder="Pick a solution"
          isRequired
          isInvalid={Boolean(error)}
          onChange={(option: SelectOption | null) => onChange(option?.value ?? null)}
        />
        {error ? <ErrorMessage>{error}</ErrorMessage> : <HelperMessage>{helper}</HelperMessage>}
      </Stack>
    </>
  );
}

export interface StagesFieldProps {
  id: string;
  label: string;
  stages: readonly string[];
  value: string[];
  helper: string;
  onChange(stages: string[]): void;
}

/** One checkbox per stage; none checked means every stage. */
export function StagesField({ id, label, stages, value, helper, onChange }: StagesFieldProps) {
  return (
    <Stack space="space.050">
      <Label labelFor={id}>{label}</Label>
      <CheckboxGroup name="stages" options={stages.map((stage) => ({ label: stage, value: stage }))} value={value} onChange={(next: string[]) => onChange(next)} />
      <HelperMessage>{helper}</HelperMessage>
    </Stack>
  );
}
