const express = require('express')
const cors = require('cors')
const corsSetting = require('./configs/cors/cors.config')

const app = express()
app.use(cors(corsSetting))
app.get('/products', (req, res) => res.json([]))
app.listen(8000)
