/** The year's workflows (issue 5): plan, registration, compact, advanced models, complaint. */
export { plan } from './workflow.js';
export { nextYearPlan } from './next-year.js';
export { advancedModels } from './advanced-model.js';
export { registration } from '../registration/workflow.js';
export { compact } from '../compact/workflow.js';
export { complaint } from '../complaint/workflow.js';
