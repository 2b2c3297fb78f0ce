const express = require('express')
const nconf = require('nconf')
const initCors = require('./cors')

nconf.file('config.json')
const app = initCors(express())
app.get('/api/docs', (req, res) => res.json([]))
app.listen(5000)
