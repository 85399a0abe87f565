import * as React from 'react';
import { Link } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { evidenceLinkTitle } from '../model/evidence';
import { IEvidenceLink, isWebAddress } from '../model/plan';
import { formatString } from './format';

export interface IEvidenceLinksProps {
  links: IEvidenceLink[];
}

/**
 * Evidence links by their title (a file's name, a title typed with the link, or host and page
 * of a bare address), opened in a new tab: they are usually documents elsewhere on the
 * intranet. Anything but a web address stays text.
 */
export function EvidenceLinks({ links }: IEvidenceLinksProps): JSX.Element {
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {links.map((link, index) => (
        <li key={`${index}-${link.url}`}>
          {isWebAddress(link.url) ? (
            <Link href={link.url} target="_blank" rel="noopener noreferrer">
              {evidenceLinkTitle(link)}
            </Link>
          ) : (
            formatString(strings.EvidenceNotALink, link.description, link.url)
          )}
        </li>
      ))}
    </ul>
  );
}
