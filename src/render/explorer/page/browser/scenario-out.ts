/** The scenario out of the page: Copy (to the clipboard) and Download (as scenario.yaml). */
import { byId } from './dom.js';

/** Binds the Copy and Download buttons to the scenario box's text. */
export function bindScenarioOut(): void {
  const text = () => byId('sc-scenario-yaml').textContent ?? '';
  byId('sc-copy').addEventListener('click', () => {
    const status = byId('sc-copy-status');
    navigator.clipboard?.writeText(text()).then(
      () => {
        status.textContent = 'Copied.';
      },
      () => {
        status.textContent = 'Copying is not allowed here: select the text and copy it.';
      },
    );
  });
  byId('sc-download').addEventListener('click', () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text()], { type: 'text/yaml' }));
    link.download = 'scenario.yaml';
    link.click();
    URL.revokeObjectURL(link.href);
  });
}
