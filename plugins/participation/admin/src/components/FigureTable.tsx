import type { ReactNode } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

export interface FigureRow {
  key: string;
  /** What the row is about: its row heading. */
  heading: ReactNode;
  figures: ReactNode[];
}

/** Long headings and captions wrap: on one line they pushed the figures out of sight. */
const WRAPPING = { whiteSpace: 'normal', textAlign: 'start' } as const;
/** Wrapping, a row heading still keeps room for a few words a line (a table cell ignores min-width). */
const ROW_HEADING_TEXT = { display: 'inline-block', minWidth: '10rem' } as const;

/**
 * A table of figures named for assistive technology: a caption, column headings, and each row headed by
 * what it is about. The design system's table is a grid whose cells are all `gridcell`; the headings take
 * back their roles so that a screen reader reads each figure with its row and column.
 */
export const FigureTable = ({ caption, headings, rows }: { caption: string; headings: string[]; rows: FigureRow[] }) => (
  <Table colCount={headings.length} rowCount={rows.length + 1}>
    <caption style={WRAPPING}>
      <Typography variant="omega" fontWeight="bold" tag="span">
        {caption}
      </Typography>
    </caption>
    <Thead>
      <Tr>
        {headings.map((heading) => (
          <Th key={heading} role="columnheader" scope="col" style={WRAPPING}>
            <Typography variant="sigma">{heading}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>
      {rows.map((row) => (
        <Tr key={row.key}>
          <Th role="rowheader" scope="row" style={WRAPPING}>
            <Typography style={ROW_HEADING_TEXT}>{row.heading}</Typography>
          </Th>
          {row.figures.map((figure, index) => (
            <Td key={index}>
              <Typography>{figure}</Typography>
            </Td>
          ))}
        </Tr>
      ))}
    </Tbody>
  </Table>
);
