window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "me@example.com",
      "createdVia" : "web",
      "username" : "metweets",
      "accountId" : "1000",
      "accountDisplayName" : "Me"
    }
  }
]