const { Router } = require('express');
const { findCountry } = require('./service.js');

const router = Router();

router.get('/countries', async (req, res) => {
  const country = await findCountry(req.query?.pais);
  res.send({ pais: country });
});

module.exports = router;
