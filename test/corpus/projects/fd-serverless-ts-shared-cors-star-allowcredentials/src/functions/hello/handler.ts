export const main = async (event: { body: string | null }) => ({
  statusCode: 200,
  body: JSON.stringify({ echo: event.body }),
});
