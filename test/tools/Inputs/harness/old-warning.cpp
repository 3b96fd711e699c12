// The original has the fixed file's warning already (on another line).
// CHECK-FIXES: {{^}}  int unused = 0;{{$}}
int f() {
  /*FAKE-FIX*/
  return 0;
}
int g() {
  int unused = 0;
  return 0;
}
