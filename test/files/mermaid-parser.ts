// Mermaid's own parser under Node. Mermaid sanitizes labels with DOMPurify, which needs a DOM when
// it loads, so a happy-dom window is installed first; parsing needs no layout, so no browser.
import { Window } from 'happy-dom';

interface MermaidApi {
  parse(text: string): Promise<{ diagramType: string }>;
  initialize(config: Record<string, unknown>): void;
}

let loaded: Promise<MermaidApi> | undefined;

// Mermaid ships only ES modules; tsc's CommonJS output would turn `import()` into `require()`.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ default: MermaidApi }>;

function load(): Promise<MermaidApi> {
  loaded ??= (async () => {
    const window = new Window();
    Object.assign(globalThis, { window, document: window.document });
    const mermaid = (await importEsm('mermaid')).default;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    return mermaid;
  })();
  return loaded;
}

/** Resolves with the diagram type when Mermaid accepts the text; rejects with its parse error. */
export async function parseMermaid(text: string): Promise<string> {
  const mermaid = await load();
  return (await mermaid.parse(text)).diagramType;
}
