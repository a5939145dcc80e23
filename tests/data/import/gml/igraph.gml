Creator "igraph version 0.10.4 Mon Jan  1 00:00:00 2024"
Version 1
graph
[
  directed 1
  node
  [
    id 0
    name "ana"
  ]
  node
  [
    id 1
    name "bo"
  ]
  node
  [
    id 2
    name "cara"
  ]
  edge
  [
    source 0
    target 1
  ]
  edge
  [
    source 1
    target 0
  ]
  edge
  [
    source 2
    target 0
  ]
]
