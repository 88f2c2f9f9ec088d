/** The workflow bundle's entry point: every workflow type the tdkt worker runs. */
export {};
