window.YTD.follower.part0 = [
  {
    "follower" : {
      "accountId" : "4001",
      "userLink" : "https://twitter.com/intent/user?user_id=4001"
    }
  }
]
