/** The call-flow diagram, for embedding (Overview, Checks, Policies). */
export { default as CallFlow } from './CallFlow.svelte';
