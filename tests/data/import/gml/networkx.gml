graph [
  directed 1
  node [
    id 0
    label "Ana &quot;the&quot; Souza"
  ]
  node [
    id 1
    label "Zo&#235;"
  ]
  edge [
    source 0
    target 1
    weight 3
  ]
]
