/* lede.h -- everything a lede tool includes. */
/* SPDX-License-Identifier: MIT */
#ifndef LEDE_H
#define LEDE_H

#include "blob.h"
#include "json.h"
#include "rec.h"
#include "tsv.h"
#include "u8.h"
#include "util.h"

#endif
