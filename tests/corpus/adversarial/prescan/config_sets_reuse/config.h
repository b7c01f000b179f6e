#ifndef CONFIG_H
#define CONFIG_H
extern int share_towers;
void load_config(void);
#endif
