import { addCorsHeaders } from '../common/middleware';

const listProducts = async () => {
  return { statusCode: 200, body: JSON.stringify([]) };
};

export default addCorsHeaders(listProducts);
