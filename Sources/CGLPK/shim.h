/* GLPK's public header, exposed to Swift and to the guard target. */
#include <glpk.h>
