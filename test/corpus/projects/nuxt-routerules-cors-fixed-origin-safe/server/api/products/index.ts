export default defineEventHandler(async () => {
  return [{ id: 1, name: 'sample product' }]
})
