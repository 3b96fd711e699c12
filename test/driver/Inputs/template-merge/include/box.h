#pragma once
template <typename T> struct Box {
  char Tag;
  T Value;
  char Flag;
};
