/** What every part of the application form gets: the form, the errors per field path, a change. */
import type { ApplicationForm, FieldErrors } from './application-model.ts';

export type FormPartProps = {
  readonly form: ApplicationForm;
  readonly errors: FieldErrors;
  /** applies the change and clears the errors of the fields it names */
  readonly change: (patch: Partial<ApplicationForm>, ...paths: string[]) => void;
};

/** Fluent Field's props for a field path: red with the message, or nothing */
export function validation(
  errors: FieldErrors,
  path: string,
): { validationState?: 'error'; validationMessage?: string } {
  const message = errors[path];
  return message === undefined ? {} : { validationState: 'error', validationMessage: message };
}
