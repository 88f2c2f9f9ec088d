/** The line a chaos worker prints once it polls; shared by the worker entry and the fleet that kills it. */
export const READY_LINE = 'chaos-worker: polling';
