import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

/** A titled panel of figures. */
export const Panel = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box background="neutral0" padding={5} shadow="filterShadow" hasRadius height="100%">
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);
