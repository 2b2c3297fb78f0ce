/** The extension-tests entry: VS Code (code-server or desktop) calls `run()` in the extension host. */
import './extension.test';
import './map.test';
import './editor.test';
import './project.test';
import './prove.test';
import './workflows.test';
import { runAll } from './harness';

export function run(): Promise<void> {
  return runAll();
}
