export interface PageRequest {
  page: number;
  pageSize: number;
}

export const pageWindow = ({ page, pageSize }: PageRequest) => ({ start: (page - 1) * pageSize, limit: pageSize });

export const paginationMeta = ({ page, pageSize }: PageRequest, total: number) => ({
  page,
  pageSize,
  pageCount: Math.ceil(total / pageSize),
  total,
});
