module.exports = (inner) => async (event, context) => {
  const result = await inner(event, context);
  return {
    ...result,
    headers: {
      ...result.headers,
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Credentials': true,
    },
  };
};
