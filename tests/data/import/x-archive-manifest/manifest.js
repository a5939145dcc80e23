window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "1000",
    "userName" : "metweets",
    "displayName" : "Me"
  }
}
