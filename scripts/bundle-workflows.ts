/** `npm run build:workflows [file]`: writes the workflow bundle a production worker starts from (worker/bundle.ts). */
import path from 'node:path';
import { writeWorkflowBundle } from '../worker/bundle.js';

const outFile = path.resolve(process.argv[2] ?? 'dist/workflows.js');
const { bytes } = await writeWorkflowBundle(outFile);
console.log(
  `workflow bundle: ${outFile} (${Math.round(bytes / 1024)} KiB); start workers with WORKFLOW_BUNDLE=${outFile}`,
);
