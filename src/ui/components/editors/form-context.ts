import { getContext, setContext } from 'svelte';

/** Shared between an EditDialog and its Fields: after a save attempt every error is shown. */
export interface FormState {
  readonly submitted: boolean;
}

const KEY = Symbol('edit-form');
export const provideForm = (state: FormState) => setContext(KEY, state);
export const useForm = () => getContext<FormState | undefined>(KEY);

/** Attributes a Field hands to its control (spread them onto the input/select/textarea). */
export interface FieldAttrs {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': 'true' | undefined;
}
