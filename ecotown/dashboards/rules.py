"""The dashboards hold no records of their own: each page asks the permission of what it shows (views.READ:
areas, public; the pivot: targets), and every figure is read through `for_user` or is a published total."""
