// CHECK-FIXES: {{^}}  int unused = 0;{{$}}
int f() {
  /*FAKE-FIX*/
  return 0;
}
