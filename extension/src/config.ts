/** Typed settings (`corsGuard.*`), read per document so folder settings apply. */
import * as vscode from 'vscode';
import { normalizeSettings, type Settings } from './core/settings';

export const SECTION = 'corsGuard';

export function settingsFor(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return normalizeSettings((key) => config.get(key));
}
