import { withCors } from '~/utils/withCors'

export const loader = withCors(async () => {
  return { type: 'Catalog', collections: [] }
})
