/**
 * Reading the XML parts of an Office Open XML package (a .docx; an .xlsx is one too):
 * a part parsed with saxes, the streaming parser the .xlsx reader uses (strict, linear,
 * and it expands no entities a document declares, so an entity bomb does nothing),
 * with names given without their namespace prefix; and a part's relationships.
 */
import { SaxesParser } from 'saxes';
import { ZipArchive } from './zipRead';

export type XmlAttributes = Record<string, string>;

/** What a parse calls back, with element names without their prefix (`w:p` is `p`). */
export interface IXmlHandlers {
  open?: (name: string, attributes: XmlAttributes) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** One relationship of a part: its target as a part path, or as written when it is external (a web address). */
export interface IPartRelationship {
  id: string;
  /** The type's last word ("hyperlink", "officeDocument", "styles"). */
  type: string;
  target: string;
  external: boolean;
}

/** A name without its namespace prefix: producers choose their own prefixes. */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** An attribute by its local name (`r:id` is `id` whatever the producer's prefix), never the unprefixed one of the same name. */
export function prefixedAttribute(attributes: XmlAttributes, local: string): string | undefined {
  for (const name of Object.keys(attributes)) if (name !== local && localName(name) === local) return attributes[name];
  return undefined;
}

/**
 * Parses a part's XML, if the package has it, calling the handlers as it goes.
 *
 * @param malformed - the error to throw for XML that is not well-formed, given why
 */
export function parseXmlPart(zip: ZipArchive, path: string, handlers: IXmlHandlers, malformed: (why: string) => Error): void {
  const chunks = zip.part(path);
  if (!chunks) return;
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('error', (error) => {
    throw malformed(`${path} is not well-formed XML (${error.message})`);
  });
  const { open, close, text } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes));
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  const first = chunks[0] ?? new Uint8Array(0);
  const decoder = new TextDecoder(first[0] === 0xff && first[1] === 0xfe ? 'utf-16le' : first[0] === 0xfe && first[1] === 0xff ? 'utf-16be' : 'utf-8');
  for (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}

/** A relationship's target as a part path: relative to the source part's folder, or from the root when it starts with "/". */
export function resolvePartPath(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '..') resolved.pop();
    else if (segment !== '.' && segment !== '') resolved.push(segment);
  }
  return resolved.join('/');
}

/** A part's relationships (its `_rels/NAME.rels`; the package's own for ""). */
export function partRelationships(zip: ZipArchive, partPath: string, malformed: (why: string) => Error): IPartRelationship[] {
  const slash = partPath.lastIndexOf('/');
  const folder = partPath.slice(0, slash + 1);
  const found: IPartRelationship[] = [];
  parseXmlPart(
    zip,
    `${folder}_rels/${partPath.slice(slash + 1)}.rels`,
    {
      open: (name, attributes) => {
        if (name !== 'Relationship') return;
        const external = attributes.TargetMode === 'External';
        const target = attributes.Target ?? '';
        found.push({ id: attributes.Id ?? '', type: (attributes.Type ?? '').split('/').pop() ?? '', target: external ? target : resolvePartPath(folder, target), external });
      }
    },
    malformed
  );
  return found;
}
