const allowList = ['http://localhost:3000', 'https://bookmarks.example.com']

function checkOrigin(origin, callback) {
  if (allowList.indexOf(origin) !== -1 || !origin) {
    callback(null, true)
  } else {
    callback(new Error('Not allowed by CORS'))
  }
}

module.exports = checkOrigin
