/** The Link header (RFC 8288) for one page of a paginated listing. */
export function linkHeader(baseUrl, { page, totalPages }) {
  const url = (n) => {
    const target = new URL(baseUrl);
    target.searchParams.set('page', String(n));
    return target.toString();
  };
  const links = [`<${url(1)}>; rel="first"`];
  if (page > 1) links.push(`<${url(page - 1)}>; rel="prev"`);
  if (page < totalPages) links.push(`<${url(page + 1)}>; rel="next"`);
  links.push(`<${url(totalPages)}>; rel="last"`);
  return links.join(', ');
}
