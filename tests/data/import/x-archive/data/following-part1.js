window.YTD.following.part1 = [
  {
    "following" : {
      "accountId" : "2003",
      "userLink" : "https://twitter.com/intent/user?user_id=2003"
    }
  }
]