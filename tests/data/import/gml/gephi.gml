Creator "Gephi"
graph
[
  node
  [
    id 0
    label "Ana"
    graphics
    [
      x -10.0
      y 20.0
    ]
  ]
  node
  [
    id 1
    label "Bo"
  ]
  node
  [
    id 2
    label "Cara"
  ]
  edge
  [
    id 0
    source 0
    target 1
    value 1.0
  ]
  edge
  [
    id 1
    source 1
    target 2
  ]
]
