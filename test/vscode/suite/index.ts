/**
 * The extension-tests entry with every module: VS Code (code-server or desktop) calls `run()` in the extension
 * host. `npm run test:vscode` and the electron runner run it; `npm test` runs the same modules split over
 * part-*.ts (one code-server each), which must together import every module imported here.
 */
import './activation';
import './extension.test';
import './map.test';
import './editor.test';
import './project.test';
import './fixes.test';
import './prove.test';
import './workflows.test';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
