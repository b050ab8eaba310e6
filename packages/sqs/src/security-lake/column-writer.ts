import type { SchemaTree } from 'hyparquet';
import type { ColumnText } from './column-text.js';
import type { LeafStream } from './leaf-stream.js';
import { stringText } from './python-text.js';

/** Writes one value of a schema node from its leaves' entries, and the leaves it reads. */
interface NodeWriter {
  write(): string;
  /** The leaves below the node, in schema order: the first one tells whether the node is null. */
  readonly leaves: readonly LeafStream[];
}

const skipAll = (leaves: readonly LeafStream[]) => {
  for (const leaf of leaves) leaf.skip();
};

/** A null node: its entry in each of its leaves is passed. */
const nullText = (leaves: readonly LeafStream[]) => {
  skipAll(leaves);
  return 'null';
};

const notRepeated = (node: SchemaTree | undefined): node is SchemaTree =>
  node !== undefined && node.element.repetition_type !== 'REPEATED';

/**
 * Compiles the writer of `node` whose parents have `definition` and `repetition` levels. Only the
 * shapes whose reference form is certain are compiled (structs, standard three-level lists,
 * key/value maps, leaves); undefined for any other, which hyparquet then assembles.
 */
function compile(
  node: SchemaTree,
  streams: ReadonlyMap<string, LeafStream>,
  parentDefinition: number,
  parentRepetition: number,
): NodeWriter | undefined {
  const { element, children } = node;
  if (element.repetition_type === 'REPEATED') return undefined;
  const optional = element.repetition_type !== 'REQUIRED';
  const definition = parentDefinition + (optional ? 1 : 0);

  if (children.length === 0) {
    const leaf = streams.get(node.path.join('.'));
    if (leaf === undefined) return undefined;
    const leaves = [leaf];
    return { write: () => (leaf.definition() < definition ? nullText(leaves) : leaf.next()), leaves };
  }

  /** A null node has one entry in each of its leaves, below its own level. */
  const orNull = (leaves: readonly LeafStream[], write: () => string) => {
    const first = leaves[0] as LeafStream;
    return optional ? () => (first.definition() < definition ? nullText(leaves) : write()) : write;
  };

  if (element.converted_type === 'LIST' || element.converted_type === 'MAP') {
    // A repeated group below: an empty list/map has one entry per leaf below its level.
    const entry = children.length === 1 ? children[0] : undefined;
    if (entry?.element.repetition_type !== 'REPEATED') return undefined;
    const entryDefinition = definition + 1;
    const entryRepetition = parentRepetition + 1;
    let item: NodeWriter | undefined;
    if (element.converted_type === 'LIST') {
      if (entry.children.length !== 1) return undefined;
      item = compile(entry.children[0] as SchemaTree, streams, entryDefinition, entryRepetition);
    } else {
      const [key, value] = entry.children;
      if (entry.children.length !== 2 || key?.element.name !== 'key' || value?.element.name !== 'value')
        return undefined;
      if (!notRepeated(key) || !notRepeated(value)) return undefined;
      const keyWriter = compile(key, streams, entryDefinition, entryRepetition);
      const valueWriter = compile(value, streams, entryDefinition, entryRepetition);
      if (keyWriter === undefined || valueWriter === undefined) return undefined;
      item = {
        // Maps are written as the reference's list of [key, value] pairs.
        write: () => `[${keyWriter.write()}, ${valueWriter.write()}]`,
        leaves: [...keyWriter.leaves, ...valueWriter.leaves],
      };
    }
    if (item === undefined || item.leaves.length === 0) return undefined;
    const { leaves } = item;
    const first = leaves[0] as LeafStream;
    const write = () => {
      if (first.definition() < entryDefinition) {
        skipAll(leaves);
        return '[]';
      }
      let text = `[${item.write()}`;
      while (first.repetition() === entryRepetition) text += `, ${item.write()}`;
      return `${text}]`;
    };
    return { write: orNull(leaves, write), leaves };
  }

  // Any other annotated group (VARIANT, legacy lists and maps...) keeps hyparquet's forms.
  if (element.converted_type !== undefined || element.logical_type !== undefined) return undefined;
  const fields: NodeWriter[] = [];
  for (const child of children) {
    const field = compile(child, streams, definition, parentRepetition);
    if (field === undefined) return undefined;
    fields.push(field);
  }
  const leaves = fields.flatMap((field) => field.leaves);
  if (leaves.length === 0) return undefined;
  // `{`, then each field's key and value, then `}`.
  const parts = [
    '{',
    ...children.flatMap((child, i) => [`${i === 0 ? '' : ', '}${stringText(child.element.name)}: `, '']),
    '}',
  ];
  const write = () => {
    for (let i = 0; i < fields.length; i++) parts[2 * i + 2] = (fields[i] as NodeWriter).write();
    return parts.join('');
  };
  return { write: orNull(leaves, write), leaves };
}

/**
 * A top-level column written straight from its leaves' pages, row by row, or undefined when its
 * shape is left to hyparquet (see {@link compile}).
 */
export function columnWriter(
  node: SchemaTree,
  streams: ReadonlyMap<string, LeafStream>,
): ColumnText | undefined {
  const writer = compile(node, streams, 0, 0);
  if (writer === undefined) return undefined;
  const { leaves, write } = writer;
  return {
    async fill() {
      let rows = Number.POSITIVE_INFINITY;
      for (const leaf of leaves) rows = Math.min(rows, await leaf.fill());
      return rows;
    },
    next: write,
  };
}
