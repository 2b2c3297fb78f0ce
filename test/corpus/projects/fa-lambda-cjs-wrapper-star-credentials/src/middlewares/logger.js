module.exports = (inner) => async (event, context) => {
  console.log(event.httpMethod, event.path);
  return inner(event, context);
};
