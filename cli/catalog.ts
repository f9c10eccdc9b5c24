/** The CLI's templates: the template catalogue from shared/templates, the same one the add-ins list. */
import { TEMPLATES, compileTemplate } from '../shared/templates';
import type { Catalog } from './main';

/**
 * What is written without --templates: the full strategy workbook (the template that creates the
 * most sheets); should the catalogue have no multi-sheet template, every template in turn.
 */
export function defaultTemplateIds(): string[] {
  const largest = [...TEMPLATES].sort((a, b) => b.sheets.length - a.sheets.length)[0];
  return largest && largest.sheets.length > 1 ? [largest.id] : TEMPLATES.map((t) => t.id);
}

export const catalog: Catalog = {
  templates: TEMPLATES.map((t) => ({ id: t.id, name: t.name, description: t.description, sheets: t.sheets })),
  compile: (id, options) => compileTemplate(id, options),
  get defaultIds() {
    return defaultTemplateIds();
  },
};
