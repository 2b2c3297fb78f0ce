export default async function asyncForEach(items, callback) {
  for (let i = 0; i < items.length; i += 1) {
    await callback(items[i], i, items);
  }
}
