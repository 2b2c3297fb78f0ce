'use strict'
var express = require('express')
var corsMiddleware = require('./middlewares/cors')

var app = express()
app.use(corsMiddleware)
app.get('/instances', function (req, res) { res.json([]) })
module.exports = app
