/** Names of the generated top-level menu handlers (the menu in ui.ts names them, globals.ts generates their stubs). */

/** Menu handlers need top-level names: one per template and variant (`insertTemplate_roadmap`, `insertExample_roadmap`). */
export function menuHandlerName(id: string, example: boolean): string {
  return `${example ? 'insertExample' : 'insertTemplate'}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** Menu handlers of "Insert chart ▸ …": one per chart kind (`insertChart_impactEffortMatrix`). */
export function chartMenuHandlerName(kind: string): string {
  return `insertChart_${kind.replace(/[^A-Za-z0-9]/g, '_')}`;
}
