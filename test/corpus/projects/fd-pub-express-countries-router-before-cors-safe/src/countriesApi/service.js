const axios = require('axios');

async function findCountry(name) {
  const { data } = await axios.get(`https://restcountries.com/v3.1/name/${encodeURIComponent(name || '')}`);
  return data;
}

module.exports = { findCountry };
